package org.junheng.intake.countyfigures;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junheng.contracts.Department;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.eventsourcing.decider.Refusal;
import org.junit.jupiter.api.Test;

/** Who may submit a county figure set: the office for anyone, a department in its own name and for its own set. */
class CountyFiguresOwnershipTest {

    static final Department RS = new Department("rs", "区人力社保局");
    static final Department CZ = new Department("cz", "区财政局");
    static final CountyFigures.State NEW = new CountyFigures.State("500104", 2024, CountyFigureSetKind.TEACHER_PAY,
            null, null);
    static final CountyFigures.State OWNED_BY_RS = new CountyFigures.State("500104", 2024,
            CountyFigureSetKind.TEACHER_PAY, RS, List.<FigureValue>of());

    @Test
    void aDepartmentSubmitsANewSetInItsOwnName() {
        assertDoesNotThrow(() -> CountyFigures.requireMaySubmit("rs", RS, NEW));
        assertDoesNotThrow(() -> CountyFigures.requireMaySubmit("rs", RS, OWNED_BY_RS));
    }

    @Test
    void notInAnotherDepartmentsName() {
        Refusal refused = assertThrows(Refusal.class, () -> CountyFigures.requireMaySubmit("cz", RS, NEW));
        assertEquals(Refusal.Kind.FORBIDDEN, refused.kind());
        assertEquals("own-name-only", refused.type());
    }

    @Test
    void notOverASetAnotherDepartmentOwns() {
        Refusal refused = assertThrows(Refusal.class, () -> CountyFigures.requireMaySubmit("cz", CZ, OWNED_BY_RS));
        assertEquals("owned-by-another-department", refused.type());
    }

    @Test
    void theOfficeSubmitsForAnyDepartmentAndHandsASetOver() {
        assertDoesNotThrow(() -> CountyFigures.requireMaySubmit(null, CZ, OWNED_BY_RS));
    }
}
