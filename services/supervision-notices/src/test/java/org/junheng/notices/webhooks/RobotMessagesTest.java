package org.junheng.notices.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RobotMessagesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NOTICE = """
            {"noticeId": "0b6f3a52-9d1e-4c7a-8f00-00000000e001", "districtCode": "500104",
             "audience": {"kind": "DEPARTMENT", "code": "cz"}, "kind": "SUPERVISION_ORDER", "severity": "CRITICAL",
             "title": "督办通知（领导小组办公室）：教师培训经费未单独列支", "body": "区财政局牵头的整改任务已逾期30日。\\n请立即整改。",
             "documentNumber": "大渡口教督〔2025〕12号", "findingIds": [], "taskIds": [], "schoolCodes": []}""";

    @Test
    void weComGetsMarkdownWithTheKindTheSeverityInColourAndTheDocumentNumber() throws Exception {
        JsonNode message = JSON.readTree(RobotMessages.message(RobotMessages.Format.WECOM, NOTICE));
        assertEquals("markdown", message.path("msgtype").asText());
        assertEquals("**【督办通知】督办通知（领导小组办公室）：教师培训经费未单独列支**\n"
                + "> 等级：<font color=\"warning\">严重</font>　文号：大渡口教督〔2025〕12号\n"
                + "区财政局牵头的整改任务已逾期30日。\n请立即整改。", message.path("markdown").path("content").asText());
    }

    @Test
    void dingTalkGetsATitleAndMarkdownTextWithParagraphs() throws Exception {
        JsonNode message = JSON.readTree(RobotMessages.message(RobotMessages.Format.DINGTALK, NOTICE));
        assertEquals("【督办通知】督办通知（领导小组办公室）：教师培训经费未单独列支",
                message.path("markdown").path("title").asText());
        String text = message.path("markdown").path("text").asText();
        assertTrue(text.startsWith("#### 【督办通知】"), text);
        assertTrue(text.contains("> 等级：严重　文号：大渡口教督〔2025〕12号\n\n区财政局牵头的整改任务已逾期30日。\n\n请立即整改。"), text);
    }

    @Test
    void aLongNoticeIsCutToTheRobotsLimitAtACharacter() throws Exception {
        String longNotice = NOTICE.replace("请立即整改。", "整".repeat(3000));
        String content = JSON.readTree(RobotMessages.message(RobotMessages.Format.WECOM, longNotice))
                .path("markdown").path("content").asText();
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= RobotMessages.WECOM_MAX_BYTES && bytes > RobotMessages.WECOM_MAX_BYTES - 3, "" + bytes);
        assertTrue(content.endsWith("……（全文请在均衡系统“通报”中查看）"));
        assertEquals("短", RobotMessages.cut("短", 10));
    }

    @Test
    void aSignedDingTalkUrlCarriesTheTimestampAndTheSignOfTheDocumentedAlgorithm() {
        // the expected sign computed with DingTalk's documented Python sample (hmac, base64, quote_plus)
        String secret = "SECd0c4b1e2a3f4968778695a4b3c2d1e0f112233445566778899aabbccddeeff00";
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1733550000000"
                        + "&sign=dR7nIs%2B1FtSCMjzg1y7y9niY%2BBfTcsOKiR3BPV82940%3D",
                RobotMessages.dingTalkUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", secret,
                        1733550000000L));
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=abc",
                RobotMessages.dingTalkUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", "", 1L));
        assertTrue(RobotMessages.dingTalkUrl("https://oapi.dingtalk.com/robot/send?access_token=abc#group", secret,
                1733550000000L).endsWith("access_token=abc&timestamp=1733550000000&sign=dR7nIs%2B1FtSCMjzg1y7y9niY"
                + "%2BBfTcsOKiR3BPV82940%3D"), "the signature before any fragment");
    }

    @Test
    void onlyErrcodeZeroIsADelivery() {
        assertNull(RobotMessages.refusal(RobotMessages.Format.WECOM, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        assertEquals("企业微信机器人拒收 (refused): errcode 45009 api freq out of limit",
                RobotMessages.refusal(RobotMessages.Format.WECOM, 200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
        assertEquals("钉钉机器人拒收 (refused): errcode ?", RobotMessages.refusal(RobotMessages.Format.DINGTALK, 200,
                "<html>not json</html>"));
        assertNull(RobotMessages.refusal(RobotMessages.Format.DINGTALK, 502, ""), "the status says it");
        assertThrows(IllegalArgumentException.class, () -> RobotMessages.message(RobotMessages.Format.STANDARD, NOTICE));
    }
}
