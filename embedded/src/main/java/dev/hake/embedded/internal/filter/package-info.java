/** SNS subscription filter policies (scope MessageAttributes): parsing, limits and matching. Not API. */
package dev.hake.embedded.internal.filter;
