package org.junheng.console.signin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every page but the sign-in page needs a signed-in user: without a session (or with an expired one) a page request
 * is sent to sign in, an htmx request is told to go there ({@code HX-Redirect}). A form posted from another site is
 * refused: the cookie is SameSite=Strict and the Origin, when the browser sends one, must be this console.
 */
public class SessionFilter {

    private final Session session;

    public SessionFilter(Session session) {
        this.session = session;
    }

    /** Null lets the request through; a response ends it. */
    @ServerRequestFilter
    public Response filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/signin") || path.startsWith("/static/") || path.startsWith("/webjars/")) {
            return null;
        }
        if (!"GET".equals(request.getMethod()) && !sameOrigin(request)) {
            return Response.status(403).type("text/plain; charset=UTF-8")
                    .entity("跨站请求被拒绝 (cross-site request refused)").build();
        }
        Cookie cookie = request.getCookies().get(Session.COOKIE);
        Optional<SignedIn> user = SignedIn.of(cookie == null ? null : cookie.getValue());
        if (user.isPresent() && !user.get().expired(Instant.now())) {
            session.set(user.get());
            return null;
        }
        String to = "/signin" + (user.isPresent() ? "?expired=1" : "");
        return request.getHeaderString("HX-Request") != null
                ? Response.status(401).header("HX-Redirect", to).build()
                : Response.seeOther(URI.create(to)).build();
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
