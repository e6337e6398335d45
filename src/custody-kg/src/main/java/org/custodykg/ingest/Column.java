package org.custodykg.ingest;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** One column of a CSVW table schema: its header, the graph property it maps to, and what a cell must hold. */
record Column(String name, String title, String property, String datatype, boolean required,
              Optional<BigDecimal> minimum, Optional<BigDecimal> maximum) {

    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /**
     * The cell's value in the column's datatype, checked against its bounds.
     *
     * @throws IllegalArgumentException saying, in a few words, what is wrong with the cell
     */
    Object parse(String cell) {
        switch (datatype) {
            case "string":
                return cell;
            case "gYearMonth":
                if (!YEAR_MONTH.matcher(cell).matches()) {
                    throw new IllegalArgumentException("\"" + cell + "\" is not a year and month (YYYY-MM)");
                }
                return cell;
            case "integer":
            case "decimal":
                BigDecimal number = number(cell);
                if (datatype.equals("integer") && number.stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException("\"" + cell + "\" is not a whole number");
                }
                minimum.filter(min -> number.compareTo(min) < 0).ifPresent(min -> {
                    throw new IllegalArgumentException(cell + " is below " + min.toPlainString());
                });
                maximum.filter(max -> number.compareTo(max) > 0).ifPresent(max -> {
                    throw new IllegalArgumentException(cell + " is over " + max.toPlainString());
                });
                return datatype.equals("integer") ? (Object) number.toBigIntegerExact() : number;
            default:
                throw new IllegalStateException("unchecked datatype " + datatype);
        }
    }

    private BigDecimal number(String cell) {
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + cell + "\" is not a "
                    + (datatype.equals("integer") ? "whole number" : "number"));
        }
    }
}
