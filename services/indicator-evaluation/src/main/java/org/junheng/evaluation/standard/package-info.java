/**
 * The assessment standard as versioned data (STANDARD.md).
 *
 * <p>{@link org.junheng.evaluation.standard.StandardCatalog#national()} loads {@code standards/CN-2017.json}: every
 * {@link org.junheng.contracts.IndicatorCode} with its thresholds per section, formula inputs (Chinese and English),
 * the subject it is measured on, how it is evidenced, which rules are conventions, the section-splitting weights and
 * the settings (RA scope, readiness precondition). A province or district overlay
 * ({@link org.junheng.evaluation.standard.StandardOverlay}) derives a new version such as {@code CN-2017+CQ-2021}; the
 * engine records {@link org.junheng.evaluation.standard.Standard#version()} with every result.
 * {@link org.junheng.evaluation.standard.Standard#catalogue()} is the view for {@code GET /api/v1/standards}.
 *
 * <p>Pure Java: no framework types; Jackson only to read the files.
 */
package org.junheng.evaluation.standard;
