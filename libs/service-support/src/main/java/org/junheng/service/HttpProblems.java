package org.junheng.service;

import jakarta.ws.rs.core.Response;

/** The words for what the HTTP layer refuses before any resource runs (no such path, a method or type not taken). */
final class HttpProblems {

    private HttpProblems() {
    }

    static String title(int status) {
        return switch (status) {
            case 404 -> "未找到 (not found)";
            case 405 -> "不支持此请求方法 (method not allowed)";
            case 406 -> "无法按所要求的格式答复 (not acceptable)";
            case 411 -> "缺少请求长度 (length required)";
            case 413 -> "请求体过大 (too large)";
            case 414 -> "请求地址过长 (URI too long)";
            case 415 -> "不支持的请求格式 (unsupported media type)";
            case 431 -> "请求头过大 (request headers too large)";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield "请求有误 (" + (known == null ? "bad request" : known.getReasonPhrase()) + ")";
            }
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 404 -> "没有这个地址，请核对路径 (no such path)";
            case 405 -> "此地址不接受这种请求方法，请查阅接口文档 /q/openapi (the path does not take this method)";
            case 406 -> "请接受 application/json 或接口文档所列的格式 (accept application/json or a listed type)";
            case 415 -> "请求体的 Content-Type 不被此接口接受：JSON 请用 application/json，文件请用 multipart/form-data"
                    + " (the Content-Type is not one this operation takes)";
            default -> null;
        };
    }
}
