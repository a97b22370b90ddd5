package dev.hake.core.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records each attempt of a request that carries a {@link RequestAttempts} (sent, and how it was
 * answered), and the final outcome of every request in the client's {@link Reachability}.
 */
final class AttemptInterceptor implements ExecutionInterceptor {

    private final Reachability reachability;

    AttemptInterceptor(Reachability reachability) {
        this.reachability = reachability;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        reachability.answered();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        reachability.failed(context.exception(), context.request().getClass().getSimpleName());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        RequestAttempts attempts = attributes.getAttribute(RequestAttempts.ATTRIBUTE);
        if (attempts != null) {
            attempts.transmitted();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        RequestAttempts attempts = attributes.getAttribute(RequestAttempts.ATTRIBUTE);
        if (attempts != null) {
            attempts.answered(context.httpResponse().statusCode());
        }
    }
}
