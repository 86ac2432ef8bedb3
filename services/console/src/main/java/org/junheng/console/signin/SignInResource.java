package org.junheng.console.signin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/** 登录 and 退出: the session is the user's token in an HttpOnly, SameSite=Strict cookie. */
@Path("/")
public class SignInResource {

    private final DevSignIn dev;
    private final Template signin;
    private final Template signedOut;
    private final boolean oidc;

    public SignInResource(DevSignIn dev, @Location("signin.html") Template signin,
                          @Location("signed-out.html") Template signedOut,
                          @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidc) {
        this.dev = dev;
        this.signin = signin;
        this.signedOut = signedOut;
        this.oidc = oidc;
    }

    /** The dev sign-in's choice of users; with OIDC the identity provider has signed the user in already. */
    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("expired") String expired) {
        if (oidc) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(signin.data("users", dev.users()).data("enabled", dev.enabled())
                .data("expired", expired != null).data("error", null)).build();
    }

    /** Where the identity provider sends the user after signing out (RP-initiated logout). */
    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }

    @POST
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm String user) {
        var chosen = dev.user(user == null ? "" : user);
        if (chosen.isEmpty()) {
            return Response.status(400).entity(signin.data("users", dev.users()).data("enabled", dev.enabled())
                    .data("expired", false).data("error", "请选择一位用户 (choose a user)")).build();
        }
        return Response.seeOther(URI.create("/")).cookie(cookie(dev.token(chosen.get()), -1)).build();
    }

    /**
     * 退出 is a link (GET): with OIDC, quarkus-oidc answers this path itself and sends the browser on to the identity
     * provider's logout, a redirect to another origin that a form post may not follow (form-action 'self').
     */
    @GET
    @Path("signout")
    public Response signOut() {
        return Response.seeOther(URI.create("/signin")).cookie(cookie("", 0)).build();
    }

    static NewCookie cookie(String token, int maxAge) {
        return new NewCookie.Builder(Session.COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
