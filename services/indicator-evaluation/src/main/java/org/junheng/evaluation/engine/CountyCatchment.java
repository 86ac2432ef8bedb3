package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;
import org.junheng.contracts.evaluation.CatchmentRatio;

/**
 * GG13 as the county ratio the standard defines: over the urban and town public day schools (不含寄宿制), in-catchment
 * pupils ÷ pupils for each section, with each school's contribution — its pupils admitted from outside the catchment.
 *
 * @param parts every school section GG13 may apply to, in evaluation order
 */
public record CountyCatchment(List<Part> parts) {

    public CountyCatchment {
        parts = List.copyOf(parts);
    }

    /**
     * One school section's figures.
     *
     * @param inCatchment null when the school left the figure blank
     * @param undecided   the school's location class or ownership is not registered, so whether GG13 applies is open
     */
    public record Part(String schoolCode, String schoolName, Section section, int pupils,
                       @Nullable Integer inCatchment, boolean undecided) {

        /** Known when the part counts: decided and reported. */
        boolean counts() {
            return !undecided && inCatchment != null;
        }

        int outside() {
            return pupils - inCatchment;
        }
    }

    /**
     * A section's ratio; {@code counted} every part in it, most outside pupils first (then by school code), and
     * {@code outside} those admitting from outside the catchment.
     */
    public record Ratio(Section section, long pupils, long inCatchment, Fraction value, List<Part> counted,
                        List<Part> outside) {

        long outsidePupils() {
            return pupils - inCatchment;
        }
    }

    /** The parts that leave the county ratio open: profile undecided or the figure left blank. */
    public List<Part> open() {
        return parts.stream().filter(part -> !part.counts()).toList();
    }

    /** The ratio of each section with pupils in counting parts, P before J. */
    public List<Ratio> ratios() {
        Map<Section, List<Part>> bySection = new EnumMap<>(Section.class);
        parts.stream().filter(Part::counts).filter(part -> part.pupils() > 0)
                .forEach(part -> bySection.computeIfAbsent(part.section(), s -> new ArrayList<>()).add(part));
        List<Ratio> ratios = new ArrayList<>();
        bySection.forEach((section, counted) -> {
            long pupils = counted.stream().mapToLong(Part::pupils).sum();
            long in = counted.stream().mapToLong(Part::inCatchment).sum();
            List<Part> ordered = counted.stream().sorted(Comparator.comparingInt(Part::outside).reversed()
                    .thenComparing(Part::schoolCode)).toList();
            ratios.add(new Ratio(section, pupils, in, Fraction.ratio(in, pupils), ordered,
                    ordered.stream().filter(part -> part.outside() > 0).toList()));
        });
        return ratios;
    }

    /** The published form, each section against its minimum in the standard. */
    public List<CatchmentRatio> toContract(Map<Section, BigDecimal> minimum) {
        return ratios().stream().map(ratio -> new CatchmentRatio(ratio.section(), ratio.pupils(), ratio.inCatchment(),
                ratio.value().toBigDecimal(ResourceValue.SCALE), ratio.value().toString(), minimum.get(ratio.section()),
                ratio.value().isAtLeast(minimum.get(ratio.section())),
                ratio.counted().stream().map(part -> new CatchmentRatio.CatchmentContribution(part.schoolCode(),
                        part.schoolName(), part.pupils(), part.inCatchment(), part.outside(),
                        ratio.outsidePupils() == 0 ? BigDecimal.ZERO.setScale(ResourceValue.SCALE)
                                : Fraction.ratio(part.outside(), ratio.outsidePupils())
                                .toBigDecimal(ResourceValue.SCALE)))
                        .toList()))
                .toList();
    }
}
