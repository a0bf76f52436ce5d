package com.convene.backend.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/// Refuses unknown JSON fields in REST request bodies (`400 validation`, the field named), so a typo such as
/// `{"meetng": …}` on `POST /meetings/join` is an error, not a silently different request (issue 15, finding 9).
///
/// Only the request DTOs: types of package `com.convene.model.api` whose name ends in `Request` (every `@Body`
/// type of the REST API). Everything else the backend's `ObjectMapper` reads stays lenient (`jackson.
/// deserialization.fail-on-unknown-properties: false` in `application.yml`): signaling frames, state in Redis,
/// responses; so newer clients and nodes keep working with older ones (docs/decisions/090).
@Singleton
final class StrictRequestJson implements BeanCreatedEventListener<ObjectMapper> {

    private static final String API_PACKAGE = "com.convene.model.api";

    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        ObjectMapper mapper = event.getBean();
        mapper.addHandler(new RefuseUnknownInRequests());
        return mapper;
    }

    /// Whether `type` is a REST request body.
    static boolean isRequestBody(Class<?> type) {
        return API_PACKAGE.equals(type.getPackageName()) && type.getSimpleName().endsWith("Request");
    }

    private static final class RefuseUnknownInRequests extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                             JsonDeserializer<?> deserializer, Object beanOrClass,
                                             String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (isRequestBody(type)) {
                throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                        deserializer == null ? List.of() : deserializer.getKnownPropertyNames());
            }
            return false;
        }
    }
}
