package org.junheng.intake.infra;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junheng.intake.common.PreconditionFailed;
import org.junheng.intake.common.Rejection;
import org.junheng.intake.statistics.Violation;
import org.junheng.service.ProblemMappers;

/**
 * The intake's own refusals as RFC 9457 bodies; the generic ones (malformed JSON, concurrency, unexpected failures)
 * are mapped by {@link ProblemMappers}, shared by every service.
 */
public class Problems {

    public static Response problem(int status, String type, String title, String detail, List<?> errors) {
        return ProblemMappers.problem(status, type, title, detail, errors);
    }

    public static List<Map<String, Object>> fieldErrors(List<Violation> violations) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Violation violation : violations) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", violation.field());
            error.put("value", violation.value());
            error.put("reason", violation.reason());
            error.put("level", violation.level().name().toLowerCase());
            errors.add(error);
        }
        return errors;
    }

    @ServerExceptionMapper
    public Response rejected(Rejection rejection) {
        return switch (rejection.kind()) {
            case INVALID -> rejection.onlyWarnings()
                    ? problem(422, "implausible-values", "数据存疑，请核实 (implausible values need confirmation)",
                            rejection.getMessage(), fieldErrors(rejection.violations()))
                    : problem(400, rejection.type(), "输入有误 (invalid input)", rejection.getMessage(),
                            fieldErrors(rejection.violations()));
            case NOT_FOUND -> problem(404, rejection.type(), "未找到 (not found)", rejection.getMessage(), null);
            case CONFLICT -> problem(409, rejection.type(), "与当前状态冲突 (conflicts with the current state)",
                    rejection.getMessage(), null);
            case FORBIDDEN -> problem(403, rejection.type(), "无权进行此操作 (not allowed)", rejection.getMessage(), null);
        };
    }

    @ServerExceptionMapper
    public Response stale(PreconditionFailed failed) {
        return problem(412, "stale-version", "数据已被他人修改，请刷新后重试 (changed since you read it)",
                "If-Match does not name the current version; read the resource again and repeat the change", null);
    }

}
