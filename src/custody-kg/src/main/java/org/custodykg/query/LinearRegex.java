package org.custodykg.query;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL's {@code REGEX} and {@code REPLACE} (and {@code fn:matches}, {@code fn:replace}) evaluated by
 * RE2/J, whose matching time is linear in the text: ARQ's own use {@code java.util.regex}, which
 * backtracks, cannot be interrupted, and so let one pattern such as {@code (a|aa)*b} outlast any query
 * timeout. Installed as the optimiser of a dataset's context ({@link #install}), so every query over the
 * dataset, whichever door it came through, is rewritten before ARQ's standard optimisation. RE2 has no
 * back-references or look-around: such a pattern is an evaluation error, as any invalid pattern is.
 */
public final class LinearRegex {
    private static final String FN = ARQConstants.fnPrefix;

    private static final RewriteFactory OPTIMISER = context -> {
        Rewrite standard = Optimize.stdOptimizationFactory.create(context);
        // before the standard optimisation, whose constant folding would otherwise evaluate a constant REGEX with java.util.regex
        return op -> standard.rewrite(rewrite(op));
    };

    private LinearRegex() {}

    /** Makes every query over a dataset with this context use linear-time regular expressions. */
    public static void install(Context context) {
        context.set(ARQConstants.sysOptimizerFactory, OPTIMISER);
    }

    /** The algebra with each regular-expression function replaced by its linear-time equivalent. */
    static Op rewrite(Op op) {
        return Transformer.transform(new TransformCopy(), new Replace(), op);
    }

    private static final class Replace extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunctionN function, ExprList args) {
            if (function instanceof E_Regex && !(function instanceof Match)) {
                return new Match(args);
            }
            if (function instanceof E_StrReplace && !(function instanceof Substitute)) {
                return new Substitute(args);
            }
            if (function instanceof E_Function call && call.getFunctionIRI().equals(FN + "matches")) {
                return new Match(args);
            }
            if (function instanceof E_Function call && call.getFunctionIRI().equals(FN + "replace")) {
                return new Substitute(args);
            }
            return super.transform(function, args);
        }
    }

    /** {@code REGEX(text, pattern [, flags])}. */
    static final class Match extends E_Regex {
        Match(ExprList args) {
            super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            String text = text("REGEX", args.get(0));
            Pattern pattern = compile(args.get(1), args.size() > 2 ? args.get(2) : null);
            return NodeValue.booleanReturn(pattern.matcher(text).find());
        }

        @Override
        public Expr copy(ExprList args) {
            return new Match(args);
        }
    }

    /** {@code REPLACE(text, pattern, replacement [, flags])}: keeps the text's language tag. */
    static final class Substitute extends E_StrReplace {
        Substitute(ExprList args) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            NodeValue input = args.get(0);
            String text = text("REPLACE", input);
            Pattern pattern = compile(args.get(1), args.size() > 3 ? args.get(3) : null);
            if (pattern.matcher("").matches()) {
                throw new ExprEvalException("REPLACE: the pattern matches the empty string");
            }
            String replaced = pattern.matcher(text).replaceAll(text("REPLACE", args.get(2)));
            return input.isLangString() ? NodeValue.makeLangString(replaced, input.getLang()) : NodeValue.makeString(replaced);
        }

        @Override
        public Expr copy(ExprList args) {
            return new Substitute(args);
        }
    }

    private static String text(String function, NodeValue value) {
        if (!value.isString() && !value.isLangString()) {
            throw new ExprEvalException(function + ": not a string: " + value);
        }
        return value.getString();
    }

    /** Compiles an XPath pattern with its flags (i, s, m, x, q) for RE2. */
    static Pattern compile(NodeValue patternValue, NodeValue flagsValue) {
        String pattern = text("REGEX", patternValue);
        String flags = flagsValue == null ? "" : text("REGEX", flagsValue);
        int mask = 0;
        for (char flag : flags.toCharArray()) {
            switch (flag) {
                case 'i' -> mask |= Pattern.CASE_INSENSITIVE;
                case 's' -> mask |= Pattern.DOTALL;
                case 'm' -> mask |= Pattern.MULTILINE;
                case 'x' -> pattern = withoutWhitespace(pattern);
                case 'q' -> pattern = Pattern.quote(pattern);
                default -> throw new ExprEvalException("REGEX: unknown flag '" + flag + "' (expected i, s, m, x or q)");
            }
        }
        try {
            return Pattern.compile(pattern, mask);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("REGEX: the pattern is not supported (" + e.getDescription()
                    + "; back-references and look-around are not)");
        }
    }

    /** The x flag: whitespace outside character classes is removed. */
    private static String withoutWhitespace(String pattern) {
        StringBuilder kept = new StringBuilder(pattern.length());
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                kept.append(c).append(pattern.charAt(++i));
                continue;
            }
            depth += c == '[' ? 1 : c == ']' && depth > 0 ? -1 : 0;
            if (depth > 0 || !Character.isWhitespace(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
