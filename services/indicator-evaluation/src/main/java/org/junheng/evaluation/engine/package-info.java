/**
 * The evaluation engine: pure functions from a {@link org.junheng.evaluation.standard.Standard} and
 * {@link org.junheng.evaluation.engine.DistrictInputs} to a {@link org.junheng.evaluation.engine.DistrictEvaluation},
 * and from there to the published evaluation and finding events.
 *
 * <ul>
 *   <li>{@link org.junheng.evaluation.engine.Evaluator#evaluate} — RA1–RA7 and RA-SCHOOL per school section, the
 *   pupil-weighted coefficients of variation, per-school and county items, attested items and readiness;</li>
 *   <li>{@link org.junheng.evaluation.engine.FindingDiff#between} — which findings a new evaluation raises, reopens or
 *   resolves (decide step of the finding streams); unchanged data gives nothing;</li>
 *   <li>{@link org.junheng.evaluation.engine.Simulation#run} — what-if evaluation without side effects.</li>
 * </ul>
 *
 * <p>Numbers: values are exact rationals ({@link org.junheng.evaluation.engine.Fraction}) and are compared with their
 * thresholds unrounded, so a value exactly at its threshold passes. Reported values are rounded half-up to 4
 * decimals; shortfalls in gap texts are rounded up (adding the stated amount meets the standard).
 *
 * <p>No framework types (Quarkus, CDI, Vert.x, Kafka) belong here; only contracts records and {@code java.*}.
 */
package org.junheng.evaluation.engine;
