package org.junheng.evaluation.standard;

import java.util.List;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.SubjectLevel;

/**
 * The catalogue of one standard version, shaped for {@code GET /api/v1/standards}: every indicator with its names,
 * category, thresholds, formula inputs and whether it rests on a convention. Plain records, serialisable as they are.
 */
public record StandardCatalogue(String version, String title, List<String> sources, List<Threshold> settings,
                                ApportioningWeights apportioning, List<Entry> indicators) {

    public StandardCatalogue {
        sources = List.copyOf(sources);
        settings = List.copyOf(settings);
        indicators = List.copyOf(indicators);
    }

    /**
     * One indicator of the catalogue.
     *
     * @param code        stable code, e.g. {@code RA-SCHOOL}, {@code CV-RA4-J}
     * @param convention  true when any of its rules is a convention (see {@code conventions} and each threshold)
     * @param formula     formula inputs, Chinese
     */
    public record Entry(String code, String chineseName, String englishName, IndicatorCategory category,
                        String categoryLabel, SubjectLevel measuredOn, String measuredOnLabel, Evidence evidence,
                        String evidenceLabel, String unit, String formula, String formulaEnglish,
                        List<Threshold> thresholds, boolean convention, List<String> conventions) {

        public Entry {
            thresholds = List.copyOf(thresholds);
            conventions = List.copyOf(conventions);
        }

        static Entry of(IndicatorRule rule) {
            var code = rule.code();
            return new Entry(code.code(), code.chineseName(), code.englishName(), code.category(),
                    code.category().label(), rule.measuredOn(), rule.measuredOn().label(), rule.evidence(),
                    rule.evidence().label(), rule.unit(), rule.formula(), rule.formulaEnglish(), rule.thresholds(),
                    rule.convention(), rule.conventions());
        }
    }
}
