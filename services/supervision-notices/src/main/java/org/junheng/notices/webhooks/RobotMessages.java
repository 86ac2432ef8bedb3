package org.junheng.notices.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junheng.contracts.Labelled;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;

/**
 * A notice as the group robots of 企业微信 (WeCom) and 钉钉 (DingTalk) take it, in their documented webhook formats:
 * a markdown message ({@code {"msgtype": "markdown", …}}) with the kind and severity in words, the title, the body and
 * the 文号; cut to the robot's size limit (WeCom 4,096 bytes, DingTalk 20,000) with a pointer to the full text. A
 * DingTalk robot secured by 加签 gets {@code timestamp} and {@code sign} (HMAC-SHA256 of "timestamp\nsecret", Base64,
 * URL-encoded) on its URL. Both answer HTTP 200 with {@code errcode}: only 0 is a delivery.
 */
public final class RobotMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int WECOM_MAX_BYTES = 4096;
    static final int DINGTALK_MAX_BYTES = 20000;
    private static final String CUT = "\n\n……（全文请在均衡系统“通报”中查看）";

    /** What a subscription receives. */
    public enum Format implements Labelled {
        STANDARD("标准 Webhook（JSON，签名）"),
        WECOM("企业微信群机器人"),
        DINGTALK("钉钉群机器人");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private RobotMessages() {
    }

    /** The robot message for a notice given as its JSON ({@code NoticeIssued}). */
    public static String message(Format format, String noticeJson) {
        JsonNode notice = read(noticeJson);
        String title = heading(notice);
        ObjectNode message = JSON.createObjectNode().put("msgtype", "markdown");
        if (format == Format.WECOM) {
            message.putObject("markdown").put("content", cut("**" + title + "**\n" + details(notice, true),
                    WECOM_MAX_BYTES));
        } else if (format == Format.DINGTALK) {
            message.putObject("markdown").put("title", title)
                    .put("text", cut("#### " + title + "\n\n" + details(notice, false), DINGTALK_MAX_BYTES));
        } else {
            throw new IllegalArgumentException("not a robot format: " + format);
        }
        return message.toString();
    }

    /** 【督办通知】title: what officials see first in the group. */
    static String heading(JsonNode notice) {
        String kind = label(NoticeKind.class, notice.path("kind").asText());
        return "【" + kind + "】" + notice.path("title").asText();
    }

    private static String details(JsonNode notice, boolean wecom) {
        String severity = label(NoticeSeverity.class, notice.path("severity").asText());
        // WeCom colours a word; DingTalk markdown has no colour, the word says it
        String level = wecom && "CRITICAL".equals(notice.path("severity").asText())
                ? "<font color=\"warning\">" + severity + "</font>" : severity;
        String document = notice.path("documentNumber").isTextual() ? "　文号：" + notice.path("documentNumber").asText()
                : "";
        String body = notice.path("body").asText().replace("\n", wecom ? "\n" : "\n\n");
        return "> 等级：" + level + document + (wecom ? "\n" : "\n\n") + body;
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** At most {@code maxBytes} of UTF-8, cut at a character and marked as cut. */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - CUT.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept + CUT;
    }

    /** A DingTalk robot URL with its 加签 parameters; the URL as it is when the robot has no secret. */
    public static String dingTalkUrl(String url, String secret, long timestampMillis) {
        String sent = url.contains("#") ? url.substring(0, url.indexOf('#')) : url; // a fragment is never sent
        if (secret == null || secret.isEmpty()) {
            return sent;
        }
        return sent + (sent.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
                + dingTalkSign(secret, timestampMillis);
    }

    /** Base64(HMAC-SHA256(secret, "timestamp\nsecret")), URL-encoded. */
    static String dingTalkSign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(signed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Why a robot's answer is not a delivery, or null when it is one: HTTP 2xx with {@code errcode} 0. The robots
     * answer 200 also when they refuse (a wrong key, a bad signature, too many messages a minute).
     */
    public static String refusal(Format format, int status, String answer) {
        if (status < 200 || status >= 300) {
            return null; // the HTTP status says it
        }
        JsonNode reply = read(answer);
        if (reply.path("errcode").isInt() && reply.path("errcode").asInt() == 0) {
            return null;
        }
        String robot = format == Format.WECOM ? "企业微信" : "钉钉";
        String errmsg = reply.path("errmsg").asText("");
        return robot + "机器人拒收 (refused): errcode " + reply.path("errcode").asText("?")
                + (errmsg.isEmpty() ? "" : " " + errmsg.substring(0, Math.min(errmsg.length(), 200)));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "" : json);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
