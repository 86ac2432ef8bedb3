package org.junheng.console.backend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.junheng.console.signin.Session;

/** Every call to a service carries the signed-in user's token: the services decide what that user may see and do. */
@ApplicationScoped
public class BearerHeaders implements ClientHeadersFactory {

    private final Session session;

    public BearerHeaders(Session session) {
        this.session = session;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (session.present()) {
            headers.putSingle("Authorization", "Bearer " + session.user().token());
        }
        return headers;
    }
}
