package org.junheng.intake.importing;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junheng.contracts.Section;

/**
 * Reads one cell's text as the value its {@link StatisticsColumn.Kind} asks for. Lenient about how a number is
 * typed (full-width digits, thousands separators, trailing zeros), strict about what it is (sign, decimals, size).
 * Never throws: a value either parses or comes with the reason it does not.
 */
final class CellParsing {

    /** Excel keeps 15 significant digits; anything longer in 元 or m² is a typing slip, not data. */
    private static final int MAX_INTEGER_DIGITS_OF_AMOUNT = 15;
    private static final int MAX_DECIMALS = 2;

    /** Optional minus, digits with or without thousands separators, optional fraction. */
    private static final Pattern NUMBER = Pattern.compile("(-)?(\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.(\\d+))?");
    private static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
    /** ; ； 、 , ， (the full-width ones arrive as ; and , after normalising). */
    private static final Pattern AREA_SEPARATOR = Pattern.compile("[;、,]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF]");

    /** A parsed value or the reason it could not be parsed. */
    record Outcome<T>(T value, String problem) {

        static <T> Outcome<T> ok(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> fail(String problem) {
            return new Outcome<>(null, problem);
        }

        boolean ok() {
            return problem == null;
        }
    }

    private CellParsing() {
    }

    /**
     * The form a value is compared and parsed in: NFKC folds full-width digits, signs and punctuation that Chinese
     * input methods produce (１２，３；) into ASCII; zero-width characters from copy and paste are dropped.
     */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").strip();
    }

    static Outcome<?> parse(StatisticsColumn.Kind kind, String text) {
        return switch (kind) {
            case CODE -> schoolCode(text);
            case TEXT -> Outcome.ok(text.strip());
            case SECTION -> section(text);
            case COUNT -> count(text);
            case AREA, MONEY -> amount(text);
            case AREA_LIST -> areaList(text);
            case YEAR -> year(text);
        };
    }

    static Outcome<String> schoolCode(String text) {
        String code = normalise(text);
        return SCHOOL_CODE.matcher(code).matches() ? Outcome.ok(code) : Outcome.fail(Reasons.BAD_SCHOOL_CODE);
    }

    static Outcome<Section> section(String text) {
        return switch (normalise(text).toUpperCase(Locale.ROOT)) {
            case "小学", "P" -> Outcome.ok(Section.P);
            case "初中", "J" -> Outcome.ok(Section.J);
            default -> Outcome.fail(Reasons.BAD_SECTION);
        };
    }

    static Outcome<Integer> count(String text) {
        Outcome<Number> number = number(text, Integer.toString(Integer.MAX_VALUE).length());
        if (!number.ok()) {
            return Outcome.fail(number.problem());
        }
        if (number.value().fraction().length() > 0) {
            return Outcome.fail(Reasons.NOT_WHOLE);
        }
        long value = Long.parseLong(number.value().integerDigits());
        return value > Integer.MAX_VALUE ? Outcome.fail(Reasons.TOO_LARGE) : Outcome.ok((int) value);
    }

    static Outcome<Integer> year(String text) {
        Outcome<Integer> whole = count(text);
        if (!whole.ok()) {
            return whole.problem().equals(Reasons.NOT_A_NUMBER) || whole.problem().equals(Reasons.FORMULA_ERROR)
                    ? whole : Outcome.fail(Reasons.NOT_A_YEAR);
        }
        return whole.value() >= 1000 && whole.value() <= 9999 ? whole : Outcome.fail(Reasons.NOT_A_YEAR);
    }

    /** m² or 元: up to 2 decimals, kept in a canonical scale so 12.50 and 12.5 compare and serialise the same. */
    static Outcome<BigDecimal> amount(String text) {
        Outcome<Number> number = number(text, MAX_INTEGER_DIGITS_OF_AMOUNT);
        if (!number.ok()) {
            return Outcome.fail(number.problem());
        }
        if (number.value().fraction().length() > MAX_DECIMALS) {
            return Outcome.fail(Reasons.TOO_MANY_DECIMALS);
        }
        return Outcome.ok(number.value().toBigDecimal());
    }

    static Outcome<List<BigDecimal>> areaList(String text) {
        String list = normalise(text);
        // a trailing separator ("96;90;") is a habit, not a mistake
        if (!list.isEmpty() && AREA_SEPARATOR.matcher(list.substring(list.length() - 1)).matches()) {
            list = list.substring(0, list.length() - 1);
        }
        String[] items = AREA_SEPARATOR.split(list, -1);
        List<BigDecimal> areas = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            if (item.isEmpty()) {
                return Outcome.fail(Reasons.AREA_LIST_EMPTY_ITEM);
            }
            // no thousands separators inside a list: the comma separates rooms
            Outcome<BigDecimal> area = item.contains(",") ? Outcome.fail(Reasons.NOT_A_NUMBER) : amount(item);
            if (!area.ok()) {
                return Outcome.fail(Reasons.areaListItem(i + 1, area.problem()));
            }
            areas.add(area.value());
        }
        return Outcome.ok(List.copyOf(areas));
    }

    /** A non-negative decimal split into its significant integer digits and fraction (trailing zeros dropped). */
    private record Number(String integerDigits, String fraction) {

        BigDecimal toBigDecimal() {
            return new BigDecimal(fraction.isEmpty() ? integerDigits : integerDigits + "." + fraction);
        }
    }

    /** Checks on the text, before any conversion, so a 10,000-digit cell costs nothing and cannot overflow. */
    private static Outcome<Number> number(String text, int maxIntegerDigits) {
        String normalised = normalise(text);
        Matcher matcher = NUMBER.matcher(normalised);
        if (!matcher.matches() || (matcher.group(2) == null && matcher.group(3) == null)) {
            return Outcome.fail(normalised.startsWith("#") ? Reasons.FORMULA_ERROR : Reasons.NOT_A_NUMBER);
        }
        String integerDigits = stripLeadingZeros(Optional.ofNullable(matcher.group(2)).orElse("").replace(",", ""));
        String fraction = stripTrailingZeros(Optional.ofNullable(matcher.group(3)).orElse(""));
        boolean zero = integerDigits.equals("0") && fraction.isEmpty();
        if (matcher.group(1) != null && !zero) {
            return Outcome.fail(Reasons.NEGATIVE);
        }
        if (integerDigits.length() > maxIntegerDigits) {
            return Outcome.fail(Reasons.TOO_LARGE);
        }
        return Outcome.ok(new Number(integerDigits, fraction));
    }

    private static String stripLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.isEmpty() ? "0" : digits.substring(first);
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
