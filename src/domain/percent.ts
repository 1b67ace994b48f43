// Percentages are published to 2 dp and compared against printed declarations, so they are
// computed in integer hundredths of a percent rather than by scaling a float (27.615 as a double is
// 27.6149999..., which would round the wrong way).

/**
 * part ÷ whole × 100, rounded half away from zero to 2 decimal places.
 * Both are counts (votes, ballot papers): whole numbers, part ≥ 0, whole > 0.
 */
export function percentTo2dp(part: number, whole: number): number {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || part < 0 || whole <= 0) {
    throw new RangeError(`percentTo2dp needs whole-number counts and a positive whole, got ${part} / ${whole}`);
  }
  // Hundredths of a percent = part × 10000 ÷ whole. Rounding half away from zero (for a count, half
  // up) means adding half the divisor before truncating: (2 × part × 10000 + whole) ÷ (2 × whole).
  // Integer remainder keeps the truncation exact, where flooring a float quotient might not be.
  const numerator = 20000 * part + whole;
  const denominator = 2 * whole;
  const hundredths = (numerator - (numerator % denominator)) / denominator;
  // hundredths / 100 is the double nearest the 2 dp decimal, so 2761 gives 27.61 exactly as written.
  return hundredths / 100;
}
