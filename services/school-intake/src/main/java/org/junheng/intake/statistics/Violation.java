package org.junheng.intake.statistics;

/**
 * One thing wrong with submitted data. {@code field} is a path into the form, e.g. {@code sections[P].pupils},
 * {@code sections[J].teachers.certified}, {@code sections[P].facilities.sportsGroundArea},
 * {@code wholeSchoolFacilities.equipmentBookValue}, {@code funds.operatingFundBudget}, {@code retentionCohort.graduates},
 * {@code seniorPupils}, {@code schoolCode}. The importer maps the path back to a row and column.
 *
 * <p>An {@link Level#ERROR} rejects the submission; a {@link Level#WARNING} (an implausible but possible value) is
 * reported and, unless the submitter confirms it, also rejects it, because a unit slip (万 m² for m²) would silently
 * break every indicator.
 */
public record Violation(String field, Object value, String reason, Level level) {

    public enum Level { ERROR, WARNING }

    public static Violation error(String field, Object value, String reason) {
        return new Violation(field, value, reason, Level.ERROR);
    }

    public static Violation warning(String field, Object value, String reason) {
        return new Violation(field, value, reason, Level.WARNING);
    }
}
