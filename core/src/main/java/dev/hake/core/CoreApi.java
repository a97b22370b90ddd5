package dev.hake.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type outside the {@code dev.hake.core} package that the faces (JMS, Camel, and those to
 * come) may use. Core's API is the {@code dev.hake.core} package and these types; every other public
 * type in core's sub-packages is public only so that core can wire itself, and a face that uses one
 * fails its {@code ArchitectureTest}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CoreApi {
}
