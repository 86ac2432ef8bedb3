package org.junheng.console.signin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every page but the sign-in page needs a signed-in user: without a session (or with an expired one) a page request
 * is sent to sign in, an htmx request is told to go there ({@code HX-Redirect}). A form posted from another site is
 * refused: the cookie is SameSite=Strict and the Origin, when the browser sends one, must be this console.
 */
public class SessionFilter {

    private final Session session;
    private final SecurityIdentity identity;
    private final boolean oidc;

    public SessionFilter(Session session, SecurityIdentity identity,
                         @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidc) {
        this.session = session;
        this.identity = identity;
        this.oidc = oidc;
    }

    /** Null lets the request through; a response ends it. */
    @ServerRequestFilter
    public Response filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/signin") || path.equals("/signed-out") || path.startsWith("/static/")
                || path.startsWith("/webjars/")) {
            return null;
        }
        if (!"GET".equals(request.getMethod()) && !sameOrigin(request)) {
            return Response.status(403).type("text/plain; charset=UTF-8")
                    .entity("跨站请求被拒绝 (cross-site request refused)").build();
        }
        // signed in through the identity provider (quarkus-oidc keeps and refreshes the tokens), or by the dev sign-in
        Optional<SignedIn> user = oidc ? accessToken() : SignedIn.of(cookieValue(request));
        if (user.isPresent() && !user.get().expired(Instant.now())) {
            session.set(user.get());
            return null;
        }
        String to = "/signin" + (user.isPresent() ? "?expired=1" : "");
        return request.getHeaderString("HX-Request") != null
                ? Response.status(401).header("HX-Redirect", to).build()
                : Response.seeOther(URI.create(to)).build();
    }

    private Optional<SignedIn> accessToken() {
        AccessTokenCredential token = identity.isAnonymous() ? null
                : identity.getCredential(AccessTokenCredential.class);
        return token == null ? Optional.empty() : SignedIn.of(token.getToken());
    }

    private static String cookieValue(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Session.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static boolean sameOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        String host = request.getHeaderString("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
