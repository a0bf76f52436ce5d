package com.convene.backend.problem;

import com.convene.model.api.Problem;
import com.convene.model.api.ProblemFieldError;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Replaces Micronaut's default error body (`JsonError`) with a [Problem] for every error the framework produces
/// itself: unknown routes, unreadable JSON, failed conversions, bean-validation violations and security's 401/403
/// (`DefaultAuthorizationExceptionHandler` delegates here).
///
/// Micronaut picks this bean because `DefaultErrorResponseProcessor` steps aside when any
/// [ErrorResponseProcessor] exists. The framework's own message is never copied into `detail`: it may echo input
/// or name internal classes, so each type gets a fixed, safe detail instead.
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        HttpRequest<?> request = errorContext.getRequest();
        Throwable cause = errorContext.getRootCause().orElse(null);
        int code = response.status().getCode();

        ProblemType type;
        List<ProblemFieldError> errors = List.of();
        String detail;
        if (cause instanceof ProblemException problemException) {
            type = problemException.type();
            detail = problemException.getMessage();
            errors = problemException.fieldErrors();
        } else if (cause instanceof ConstraintViolationException violations) {
            type = ProblemType.VALIDATION;
            errors = fieldErrors(violations);
            detail = "The request has " + errors.size() + " invalid field(s).";
        } else if (unknownField(errorContext) instanceof UnrecognizedPropertyException unknown) {
            type = ProblemType.VALIDATION;
            errors = List.of(new ProblemFieldError(unknown.getPropertyName(), "is not a field of this request"));
            detail = "The request has 1 invalid field(s).";
        } else if (cause instanceof ConversionErrorException conversion) {
            type = ProblemType.VALIDATION;
            errors = List.of(new ProblemFieldError(conversion.getArgument().getName(), "has an invalid format"));
            detail = "The request has 1 invalid field(s).";
        } else if (cause instanceof UnsatisfiedRouteException unsatisfied) {
            type = ProblemType.VALIDATION;
            errors = List.of(new ProblemFieldError(unsatisfied.getArgument().getName(), "is required"));
            detail = "The request has 1 invalid field(s).";
        } else {
            type = ProblemType.forStatus(code);
            detail = defaultDetail(type);
        }
        Problem problem = new Problem(type.uri().toString(), type.title(), code, detail, request.getPath(),
                errors.isEmpty() ? null : List.copyOf(errors));
        return ProblemResponses.fill(response, problem, request);
    }

    /// The unknown field a strict request body refused (config `StrictRequestJson`), wherever Micronaut wrapped it.
    private static @Nullable UnrecognizedPropertyException unknownField(ErrorContext context) {
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                return unknown;
            }
            if (t instanceof ConversionErrorException conversion
                    && conversion.getConversionError().getCause() instanceof UnrecognizedPropertyException u) {
                return u;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static List<ProblemFieldError> fieldErrors(ConstraintViolationException exception) {
        List<ProblemFieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.add(new ProblemFieldError(leafName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(ProblemFieldError::field));
        return errors;
    }

    /// The last node of a path such as `create.request.title`: the client knows fields, not method names.
    private static String leafName(Path path) {
        String name = "";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    private static String defaultDetail(ProblemType type) {
        return switch (type) {
            case BAD_REQUEST -> "The request could not be read; check the JSON body and parameters.";
            case UNAUTHORIZED -> "Send a valid bearer token in the Authorization header.";
            case FORBIDDEN -> "You are not allowed to perform this action.";
            case NOT_FOUND -> "Nothing exists at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not support the request method.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case CONFLICT -> "The request conflicts with the current state.";
            case TOO_MANY_REQUESTS -> "Too many requests; try again later.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case SERVICE_UNAVAILABLE -> "A backing service is unavailable; try again later.";
            default -> "An unexpected error occurred.";
        };
    }
}
