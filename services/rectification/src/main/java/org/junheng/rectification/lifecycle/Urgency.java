package org.junheng.rectification.lifecycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * 督办等级 by days left to the due date, as the office marks its task board: 红色 overdue, 黄色 due within 30 days (the
 * first reminder), 蓝色 further off. A verified or signed-off task is no longer supervised.
 */
public enum Urgency {
    BLUE("蓝色", "正常推进"),
    YELLOW("黄色", "临期预警"),
    RED("红色", "逾期督办");

    /** The first reminder (TaskDueSoon) goes out this many days before the due date. */
    public static final int WARNING_DAYS = 30;

    public final String colour;
    public final String meaning;

    Urgency(String colour, String meaning) {
        this.colour = colour;
        this.meaning = meaning;
    }

    public static Optional<Urgency> of(TaskState task, LocalDate today) {
        return of(task.status(), task.dueDate(), today);
    }

    public static Optional<Urgency> of(TaskStatus status, LocalDate dueDate, LocalDate today) {
        if (status.settled()) {
            return Optional.empty();
        }
        long daysLeft = ChronoUnit.DAYS.between(today, dueDate);
        return Optional.of(daysLeft < 0 ? RED : daysLeft <= WARNING_DAYS ? YELLOW : BLUE);
    }

    /** Days until the due date (0 on the day itself), negative once it has passed. */
    public static long daysLeft(TaskState task, LocalDate today) {
        return ChronoUnit.DAYS.between(today, task.dueDate());
    }

    /** For a person: 距整改期限还有 12 天 / 今天到期 / 已逾期 3 天. */
    public static String describe(long daysLeft) {
        return daysLeft > 0 ? "距整改期限还有 " + daysLeft + " 天" : daysLeft == 0 ? "今天到期" : "已逾期 " + -daysLeft + " 天";
    }
}
