package com.convene.backend.audit;

import com.convene.model.api.ConferenceRequest;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Around-advice of [Audited]: runs the operation, then, if it returned normally and the caller holds the `admin`
/// role, appends an audit entry. A failed operation (an exception, i.e. a problem response) changed nothing and is
/// not recorded.
///
/// Runs on the operation's thread (a blocking executor: controllers are `@ExecuteOn(BLOCKING)`). If the audit
/// insert fails, the error propagates: an admin action that cannot be audited is reported as failed (the
/// operation's own transaction, if any, has committed, which the log at ERROR says).
@Singleton
@InterceptorBean(Audited.class)
final class AuditInterceptor implements MethodInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final String ADMIN = "admin";

    private final AuditService audit;
    private final HttpClientAddressResolver addresses;

    AuditInterceptor(AuditService audit, HttpClientAddressResolver addresses) {
        this.audit = audit;
        this.addresses = addresses;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Object result = context.proceed();
        Optional<HttpRequest<Object>> current = ServerRequestContext.currentRequest();
        if (current.isEmpty()) {
            return result;
        }
        HttpRequest<Object> request = current.get();
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty() || !authentication.get().getRoles().contains(ADMIN)) {
            return result;
        }
        Authentication caller = authentication.get();
        String action = context.stringValue(Audited.class).orElse("unknown");
        String targetType = context.stringValue(Audited.class, "target").filter(s -> !s.isEmpty()).orElse(null);
        String id = targetId(context, result);
        int status = result instanceof HttpResponse<?> response ? response.code()
                : context.getReturnType().isVoid() ? 204 : 200;
        Object username = caller.getAttributes().get("username");
        try {
            audit.record(UUID.fromString(caller.getName()), username == null ? null : username.toString(), action,
                    targetType, id, request.getMethodName(), request.getPath(), status,
                    addresses.resolve(request), request.getHeaders().get("User-Agent"));
        } catch (RuntimeException e) {
            LOG.error("Audit entry could not be written: action={} actor={} target={}", action, caller.getName(), id, e);
            throw e;
        }
        return result;
    }

    /// The target: the `{id}` path variable; else the last segment of a `201 Created` answer's `Location` (the
    /// new resource); else a body parameter's `meetingId` (seed 002's `/conferences/*`).
    private static @Nullable String targetId(MethodInvocationContext<Object, Object> context, @Nullable Object result) {
        Object id = context.getParameterValueMap().get("id");
        if (id != null) {
            return id.toString();
        }
        if (result instanceof HttpResponse<?> response) {
            String location = response.getHeaders().get("Location");
            if (location != null && location.lastIndexOf('/') >= 0) {
                return location.substring(location.lastIndexOf('/') + 1);
            }
        }
        for (Object value : context.getParameterValues()) {
            if (value instanceof ConferenceRequest conference && conference.meetingId() != null) {
                return conference.meetingId().toString();
            }
        }
        return null;
    }
}
