package org.junheng.rectification.lifecycle;

import java.time.LocalDate;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.Accountability;
import org.junheng.eventsourcing.decider.Refusal;

/** What a 约谈 or 问责 record must hold, whether it is made on a task or on a unit as a whole. */
public final class Accountabilities {

    /** A record as checked: text stripped, an empty outcome none. */
    public record Checked(Accountability kind, String person, LocalDate date, String reason,
                          @Nullable String outcome) {
    }

    private Accountabilities() {
    }

    public static Checked check(@Nullable Accountability kind, @Nullable String person, @Nullable LocalDate date,
                                @Nullable String reason, @Nullable String outcome, LocalDate today) {
        if (kind == null) {
            throw Refusal.invalidField("kind-required", "kind", null,
                    "请选择类别：INTERVIEW（约谈）或 ACCOUNTABILITY（问责）(kind is required)");
        }
        if (person == null || person.isBlank()) {
            throw Refusal.invalidField("person-required", "person", person,
                    "请填写约谈或问责对象及职务 (person is required)");
        }
        if (person.length() > 100) {
            throw Refusal.invalidField("person", person, "对象不超过100字 (at most 100 characters)");
        }
        if (date == null) {
            throw Refusal.invalidField("date-required", "date", null, "请填写日期 (date is required)");
        }
        if (date.isAfter(today) || date.getYear() < 2000) {
            throw Refusal.invalidField("date", date, "日期须在2000年至今之间 (between 2000 and today)");
        }
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalidField("reason-required", "reason", reason,
                    "请填写约谈或问责事由 (reason is required)");
        }
        return new Checked(kind, person.strip(), date, reason.strip(),
                outcome == null || outcome.isBlank() ? null : outcome.strip());
    }
}
