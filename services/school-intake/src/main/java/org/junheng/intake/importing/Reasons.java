package org.junheng.intake.importing;

import org.junheng.service.documents.ImportProblem;
/** The texts of {@link ImportProblem#reason()}: Chinese for the user, English in parentheses for everyone else. */
final class Reasons {

    // the file as a whole (why it cannot be read at all: SheetGrid's)
    static final String NO_HEADER = "未找到表头：第一个非空行不是模板的表头 (no header: the first non-blank row is not the template header)";
    static final String NO_DATA_ROWS = "没有数据行 (no data rows)";
    static final String TOO_MANY_ROWS = "数据行过多，最多 " + SheetReader.MAX_DATA_ROWS + " 行 (too many data rows)";

    // the header row
    static final String MISSING_COLUMN = "缺少必填列 (required column missing)";
    static final String MISSING_RETENTION_COLUMN = "缺少巩固率列：巩固率各列须同时存在 (retention column missing: the retention columns come together)";
    static final String UNKNOWN_COLUMN = "无法识别的列，请使用模板的表头 (unknown column: use the template headers)";
    static final String DUPLICATE_COLUMN = "列重复，与%s列相同 (duplicate column, same as column %s)";
    static final String DATA_WITHOUT_HEADER = "该列有数据但没有表头 (the column has data but no header)";

    // one cell
    static final String REQUIRED = "必填 (required value missing)";
    static final String NOT_A_NUMBER = "不是数字 (not a number)";
    static final String FORMULA_ERROR = "公式计算出错 (formula error)";
    static final String NEGATIVE = "不能为负数 (must not be negative)";
    static final String NOT_WHOLE = "须为整数 (must be a whole number)";
    static final String TOO_MANY_DECIMALS = "最多两位小数 (at most 2 decimal places)";
    static final String TOO_LARGE = "数值过大 (number too large)";
    static final String NOT_A_YEAR = "须为四位年份，如2021 (must be a 4-digit year)";
    static final String BAD_SCHOOL_CODE = "学校标识码须为10位数字 (school code must be exactly 10 digits)";
    static final String BAD_SECTION = "学段须为小学或初中 (section must be 小学 or 初中)";
    static final String AREA_LIST_ITEM = "面积列表第%d项：%s (area list item %d: %s)";
    static final String AREA_LIST_EMPTY_ITEM = "面积列表格式错误：有空项，各面积以;分隔 (malformed area list: empty item; separate areas with ;)";

    // rows of one school
    static final String DUPLICATE_SECTION = "学校标识码与学段重复，同第%d行 (duplicate school code and section, see row %d)";
    static final String CONTRADICTS = "与该校第%d行的值不一致 (contradicts the school's row %d)";
    static final String RETENTION_ON_PRIMARY = "巩固率只填在初中行 (retention columns belong on the 初中 row)";
    static final String RETENTION_INCOMPLETE = "巩固率数据不完整：必填，无则填0 (retention data incomplete: required, enter 0 for none)";
    static final String FACILITIES_MISSING = "缺少办学条件：该校至少第一行须填写 (facilities missing: at least the school's first row needs them)";
    static final String FACILITIES_NOT_ON_FIRST_ROW = "办学条件须填在该校第一行（第%d行），或每个学段行都填写 "
            + "(facilities go on the school's first row (row %d) or on every section row)";
    static final String FACILITIES_MISSING_ON_ROW = "该校已分学段填报办学条件，本行也须填写 "
            + "(the school's facilities are split by section: this row needs them too)";

    private Reasons() {
    }

    static String duplicateColumn(String firstLetter) {
        return DUPLICATE_COLUMN.formatted(firstLetter, firstLetter);
    }

    static String duplicateSection(int firstRow) {
        return DUPLICATE_SECTION.formatted(firstRow, firstRow);
    }

    static String contradicts(int firstRow) {
        return CONTRADICTS.formatted(firstRow, firstRow);
    }

    static String facilitiesNotOnFirstRow(int firstRow) {
        return FACILITIES_NOT_ON_FIRST_ROW.formatted(firstRow, firstRow);
    }

    /** {@code itemReason} is one of the cell reasons, e.g. {@link #NOT_A_NUMBER}. */
    static String areaListItem(int position, String itemReason) {
        int english = itemReason.indexOf(" (");
        String chinese = english < 0 ? itemReason : itemReason.substring(0, english);
        String inEnglish = english < 0 ? itemReason : itemReason.substring(english + 2, itemReason.length() - 1);
        return AREA_LIST_ITEM.formatted(position, chinese, position, inEnglish);
    }
}
