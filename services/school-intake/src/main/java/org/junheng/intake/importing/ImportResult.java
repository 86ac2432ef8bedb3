package org.junheng.intake.importing;

import java.util.List;
import java.util.Optional;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.service.documents.ImportProblem;

/** The outcome of parsing an uploaded statistics file: all its schools, or all its problems. */
public sealed interface ImportResult {

    /** Every row was well-formed: the schools in file order (of their first row). */
    record Parsed(List<ParsedSchool> schools) implements ImportResult {

        public Parsed {
            schools = List.copyOf(schools);
        }

        public Optional<ParsedSchool> school(String schoolCode) {
            return schools.stream().filter(school -> school.schoolCode().equals(schoolCode)).findFirst();
        }

        /** The cell a domain {@code Violation} of a school points at; see {@link ParsedSchool#locate(String)}. */
        public Optional<CellRef> locate(String schoolCode, String fieldPath) {
            return school(schoolCode).flatMap(school -> school.locate(fieldPath));
        }
    }

    /**
     * The file cannot be imported: every problem found, ordered by row, then column. {@code wellFormed} holds the
     * schools whose rows had no problem, so their domain rules can be checked too and the submitter learns every
     * mistake in one round.
     */
    record Rejected(List<ImportProblem> problems, List<ParsedSchool> wellFormed) implements ImportResult {

        public Rejected {
            problems = List.copyOf(problems);
            wellFormed = List.copyOf(wellFormed);
        }

        public Rejected(List<ImportProblem> problems) {
            this(problems, List.of());
        }
    }
}
