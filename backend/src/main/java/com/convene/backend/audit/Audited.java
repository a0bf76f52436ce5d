package com.convene.backend.audit;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/// Marks a controller operation whose successful execution by an administrator is written to the audit log.
///
/// The target id is the operation's parameter named `id` (the `{id}` path variable), when it has one. The class
/// carrying it must not be `final` (Micronaut generates a subclass for the around-advice).
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface Audited {

    /// Stable action name, `<target>.<verb>`, e.g. `user.disable`; listed in `docs/decisions/031-audit-log-by-annotation.md`.
    String value();

    /// Kind of target: `user`, `meeting`, `recording` or `""` when the action has none.
    String target() default "";
}
