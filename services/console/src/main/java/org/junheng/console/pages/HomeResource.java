package org.junheng.console.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The start page of each role: the office and the leaders the overview, a department its tasks, a school its own. */
@Path("/")
public class HomeResource {

    private final Pages pages;

    public HomeResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Response home() {
        var user = pages.user();
        String to = user.isDepartment() ? "/my-tasks" : user.isSchool() ? "/my-school" : "/overview";
        return Response.seeOther(URI.create(to)).build();
    }
}
