package org.junheng.console.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.console.signin.Session;

/**
 * A service's refusal as a page in words (or, for an htmx request, as the fragment that replaces the form's message
 * line); a service that does not answer is said so plainly, never as a stack trace.
 */
public class ErrorPages {

    private final Template error;
    private final Session session;

    public ErrorPages(@Location("error.html") Template error, Session session) {
        this.error = error;
        this.session = session;
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefused refused) {
        int status = refused.pageStatus();
        String title = switch (refused.status()) {
            case 401 -> "登录已失效，请重新登录";
            case 403 -> "无权进行此操作";
            case 404 -> "未找到";
            case 409, 412 -> "操作未完成";
            default -> refused.status() >= 500 ? "服务暂时不可用" : "请求未被接受";
        };
        return page(status, title, refused.message(), refused.errorLines());
    }

    @ServerExceptionMapper
    public Response unreachable(jakarta.ws.rs.ProcessingException unreachable) {
        return page(502, "服务暂时不可用", "后台服务无响应，请稍后重试 (a service did not answer; try again shortly)",
                java.util.List.of());
    }

    private Response page(int status, String title, String message, java.util.List<String> lines) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("title", title).data("message", message).data("lines", lines)
                        .data("user", session.present() ? session.user() : null).data("nav", "")
                        .render()).build();
    }
}
