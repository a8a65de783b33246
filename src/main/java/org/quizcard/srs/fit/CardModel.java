package org.quizcard.srs.fit;

/**
 * The FSRS-6 memory model run along one card's reviews, forwards for predictions and backwards for the gradient
 * of the log loss with respect to the 21 weights (reverse mode, derived by hand).
 *
 * <p>The forward pass follows fsrs-rs's training model: the first review sets S = w[rating - 1] and
 * D = w4 - e^(w5 (rating - 1)) + 1; each later review, after t study days, sees R = (1 + F t / S)^(-w20) and
 * moves S by the same-day formula when t = 0, the lapse formula (capped at S / e^(w17 w18)) after an again, or
 * the recall formula otherwise; D moves by linear damping and reverts to the easy initial difficulty by w7. S is
 * kept within [0.001, 36500] and D within [1, 10]; gradients stop where a clamp or a max/min is active, as in
 * fsrs-rs. Scoring a card in one pass gives every item of that card at once, each item's prediction being the R
 * at its review. One instance serves one thread; it keeps scratch arrays sized to the longest card seen.
 */
final class CardModel {

    private static final double LN_09 = StrictMath.log(0.9);
    private static final double MIN_PROB = 1e-7;
    private static final double MAX_PROB = 1 - 1e-7;
    private static final byte SHORT = 0;
    private static final byte LAPSE = 1;
    private static final byte LAPSE_CAP = 2;
    private static final byte RECALL = 3;

    private double[] w;
    private double decay;
    private double factor;
    private double dFactor;
    private double expW8;
    private double lapseCap;
    private double easyD;
    private double exp3w5;

    private double[] lastS = new double[0];
    private double[] lastD = new double[0];
    private double[] r = new double[0];
    private double[] base = new double[0];
    private double[] preS = new double[0];
    private double[] meanD = new double[0];
    private double[] x1 = new double[0];
    private double[] x2 = new double[0];
    private double[] x3 = new double[0];
    private byte[] branch = new byte[0];

    /** Sets the weights for the following calls (not copied). */
    void weights(double[] weights) {
        this.w = weights;
        decay = -w[20];
        double e = StrictMath.exp(LN_09 / decay);
        factor = e - 1;
        dFactor = e * (-LN_09 / (decay * decay));
        expW8 = StrictMath.exp(w[8]);
        lapseCap = StrictMath.exp(w[17] * w[18]);
        exp3w5 = StrictMath.exp(3 * w[5]);
        easyD = w[4] - exp3w5 + 1;
    }

    /** The retrievability R before each review k = 1..length-1 of the card starting at {@code start}. */
    double retrievability(int k) {
        return r[k];
    }

    /** Runs the model over reviews [start, start + length) of {@code h}; then read {@link #retrievability}. */
    void forward(ReviewHistory h, int start, int length) {
        ensure(length);
        int first = h.rating()[start];
        double s = clamp(w[first - 1], Weights.S_MIN, Weights.S_MAX);
        double d = clamp(w[4] - StrictMath.exp(w[5] * (first - 1)) + 1, Weights.D_MIN, Weights.D_MAX);
        for (int k = 1; k < length; k++) {
            int p = start + k;
            double t = h.delta()[p];
            s = clamp(s, Weights.S_MIN, Weights.S_MAX);
            d = clamp(d, Weights.D_MIN, Weights.D_MAX);
            lastS[k] = s;
            lastD[k] = d;
            double b = t / s * factor + 1;
            base[k] = b;
            double rk = StrictMath.pow(b, decay);
            r[k] = rk;
            if (k == length - 1) {
                break;
            }
            int g = h.rating()[p];
            double next;
            if (t == 0) {
                double raw = StrictMath.exp(w[17] * (g - 3 + w[18])) * StrictMath.pow(s, -w[19]);
                x1[k] = raw;
                double mult = g >= 2 ? Math.max(raw, 1) : raw;
                x2[k] = mult;
                branch[k] = SHORT;
                next = s * mult;
            } else if (g == 1) {
                double dPow = StrictMath.pow(d, -w[12]);
                double sPow = StrictMath.pow(s + 1, w[13]);
                double er = StrictMath.exp((1 - rk) * w[14]);
                double raw = w[11] * dPow * (sPow - 1) * er;
                double cap = s / lapseCap;
                x1[k] = dPow;
                x2[k] = sPow;
                x3[k] = er;
                branch[k] = cap < raw ? LAPSE_CAP : LAPSE;
                next = Math.min(cap, raw);
            } else {
                double cS = StrictMath.pow(s, -w[9]);
                double ex = StrictMath.exp((1 - rk) * w[10]);
                x1[k] = cS;
                x2[k] = ex;
                double inc = expW8 * (11 - d) * cS * (ex - 1) * (g == 2 ? w[15] : 1) * (g == 4 ? w[16] : 1);
                x3[k] = inc;
                branch[k] = RECALL;
                next = s * (inc + 1);
            }
            preS[k] = next;
            double nd = d + (10 - d) * (-w[6] * (g - 3)) / 9;
            double mean = w[7] * (easyD - nd) + nd;
            meanD[k] = mean;
            s = next;
            d = clamp(mean, Weights.D_MIN, Weights.D_MAX);
        }
    }

    /**
     * Adds to {@code grad} the gradient of this card's weighted log loss and returns the loss. {@code weight} is
     * indexed by review position: the item weight of the review there, 0 where it is not an item. Retrievability is clamped
     * into [1e-7, 1 - 1e-7] for the loss.
     */
    double lossAndGradient(ReviewHistory h, int start, int length, double[] weight, double[] grad) {
        forward(h, start, length);
        double loss = 0;
        double gS = 0;
        double gD = 0;
        for (int k = length - 1; k >= 1; k--) {
            int p = start + k;
            double gLastS = 0;
            double gLastD = 0;
            double gR = 0;
            if (k < length - 1) {
                double gPre = pass(preS[k], Weights.S_MIN, Weights.S_MAX) ? gS : 0;
                int g = h.rating()[p];
                double s = lastS[k];
                double d = lastD[k];
                double rk = r[k];
                if (gPre != 0) {
                    switch (branch[k]) {
                        case SHORT -> {
                            gLastS += gPre * x2[k];
                            boolean active = g < 2 || x1[k] >= 1;
                            if (active) {
                                double q = gPre * s * x1[k];
                                grad[17] += q * (g - 3 + w[18]);
                                grad[18] += q * w[17];
                                grad[19] += -q * StrictMath.log(s);
                                gLastS += -q * w[19] / s;
                            }
                        }
                        case LAPSE_CAP -> {
                            double cap = s / lapseCap;
                            grad[17] += -gPre * cap * w[18];
                            grad[18] += -gPre * cap * w[17];
                            gLastS += gPre / lapseCap;
                        }
                        case LAPSE -> {
                            double dPow = x1[k];
                            double sPow = x2[k];
                            double er = x3[k];
                            double raw = w[11] * dPow * (sPow - 1) * er;
                            grad[11] += gPre * dPow * (sPow - 1) * er;
                            grad[12] += -gPre * raw * StrictMath.log(d);
                            grad[13] += gPre * w[11] * dPow * er * sPow * StrictMath.log(s + 1);
                            grad[14] += gPre * raw * (1 - rk);
                            gLastS += gPre * w[11] * dPow * er * w[13] * sPow / (s + 1);
                            gLastD += -gPre * raw * w[12] / d;
                            gR += -gPre * raw * w[14];
                        }
                        default -> {
                            double cS = x1[k];
                            double ex = x2[k];
                            double inc = x3[k];
                            double hp = g == 2 ? w[15] : 1;
                            double eb = g == 4 ? w[16] : 1;
                            double q = gPre * s;
                            gLastS += gPre * (1 + inc - w[9] * inc);
                            gLastD += -q * expW8 * cS * (ex - 1) * hp * eb;
                            gR += -q * expW8 * (11 - d) * cS * hp * eb * w[10] * ex;
                            grad[8] += q * inc;
                            grad[9] += -q * inc * StrictMath.log(s);
                            grad[10] += q * expW8 * (11 - d) * cS * hp * eb * (1 - rk) * ex;
                            if (g == 2) {
                                grad[15] += q * expW8 * (11 - d) * cS * (ex - 1) * eb;
                            } else if (g == 4) {
                                grad[16] += q * expW8 * (11 - d) * cS * (ex - 1) * hp;
                            }
                        }
                    }
                }
                gLastD += difficultyBackward(k, g, gD, grad);
            }
            double wk = weight[p];
            if (wk != 0) {
                double y = h.rating()[p] > 1 ? 1 : 0;
                double rk = r[k];
                double rc = clamp(rk, MIN_PROB, MAX_PROB);
                loss += -(y * StrictMath.log(rc) + (1 - y) * StrictMath.log(1 - rc)) * wk;
                if (rk > MIN_PROB && rk < MAX_PROB) {
                    gR += -wk * (y / rc - (1 - y) / (1 - rc));
                }
            }
            if (gR != 0) {
                double t = h.delta()[p];
                double s = lastS[k];
                double b = base[k];
                double rk = r[k];
                gLastS += gR * rk * decay / b * (-t * factor / (s * s));
                double dRdDecay = rk * (StrictMath.log(b) + decay / b * (t / s * dFactor));
                grad[20] += -gR * dRdDecay;
            }
            gS = gLastS;
            gD = gLastD;
        }
        int first = h.rating()[start];
        if (pass(w[first - 1], Weights.S_MIN, Weights.S_MAX)) {
            grad[first - 1] += gS;
        }
        double rawD = w[4] - StrictMath.exp(w[5] * (first - 1)) + 1;
        if (gD != 0 && pass(rawD, Weights.D_MIN, Weights.D_MAX)) {
            grad[4] += gD;
            grad[5] += gD * -(first - 1) * StrictMath.exp((first - 1) * w[5]);
        }
        return loss;
    }

    private double difficultyBackward(int k, int g, double gOut, double[] grad) {
        if (gOut == 0 || !pass(meanD[k], Weights.D_MIN, Weights.D_MAX)) {
            return 0;
        }
        double d = lastD[k];
        double delta = -w[6] * (g - 3);
        double next = d + (10 - d) * delta / 9;
        grad[7] += gOut * (easyD - next);
        grad[4] += gOut * w[7];
        grad[5] += gOut * w[7] * -3 * exp3w5;
        double gNext = gOut * (1 - w[7]);
        grad[6] += gNext * (10 - d) * -(g - 3) / 9;
        return gNext * (1 - delta / 9);
    }

    private void ensure(int length) {
        if (lastS.length >= length) {
            return;
        }
        int n = Math.max(length, lastS.length * 2);
        lastS = new double[n];
        lastD = new double[n];
        r = new double[n];
        base = new double[n];
        preS = new double[n];
        meanD = new double[n];
        x1 = new double[n];
        x2 = new double[n];
        x3 = new double[n];
        branch = new byte[n];
    }

    private static boolean pass(double x, double min, double max) {
        return x >= min && x <= max;
    }

    private static double clamp(double x, double min, double max) {
        return Math.min(max, Math.max(min, x));
    }
}
