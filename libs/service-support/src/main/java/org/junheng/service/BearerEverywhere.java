package org.junheng.service;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Every operation of the API needs the bearer token (the HTTP permission on /api/*, not annotations, enforces it), so
 * the document says so once at the top: Swagger UI then sends the token it was given under Authorize.
 */
public class BearerEverywhere implements OASFilter {

    public static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
    }
}
