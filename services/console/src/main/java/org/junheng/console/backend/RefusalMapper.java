package org.junheng.console.backend;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Any 4xx or 5xx of a service becomes a {@link ServiceRefused} carrying its problem body. */
public class RefusalMapper implements ResponseExceptionMapper<ServiceRefused> {

    @Override
    public ServiceRefused toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        return new ServiceRefused(response.getStatus(), body);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
