package org.junheng.notices.webhooks;

/** The DingTalk signature for tests in other packages (a robot checking what it received). */
public final class RobotMessagesAccess {

    private RobotMessagesAccess() {
    }

    public static String sign(String secret, long timestampMillis) {
        return RobotMessages.dingTalkSign(secret, timestampMillis);
    }
}
