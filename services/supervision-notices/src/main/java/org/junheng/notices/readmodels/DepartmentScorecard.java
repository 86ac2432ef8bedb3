package org.junheng.notices.readmodels;

import java.util.Objects;
import java.util.OptionalDouble;
import org.junheng.contracts.Department;

/**
 * One department's rectification record for a bulletin (通报): tasks still open (overdue ones among them) and tasks
 * closed on time or late, with the average days from opening to closing; that average is empty while the department
 * has closed nothing.
 */
public record DepartmentScorecard(
        Department department,
        int open,
        int overdue,
        int closedOnTime,
        int closedLate,
        OptionalDouble averageDaysToClose) {

    public DepartmentScorecard {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(averageDaysToClose, "averageDaysToClose");
        if (open < 0 || overdue < 0 || closedOnTime < 0 || closedLate < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (overdue > open) {
            throw new IllegalArgumentException("overdue tasks are open tasks: " + overdue + " > " + open);
        }
        // parameters, not closed(): the fields are not assigned yet in a compact constructor
        if (averageDaysToClose.isPresent() && (closedOnTime + closedLate == 0 || averageDaysToClose.getAsDouble() < 0)) {
            throw new IllegalArgumentException("an average needs closed tasks and is not negative");
        }
    }

    public int closed() {
        return closedOnTime + closedLate;
    }

    public int total() {
        return open + closed();
    }
}
