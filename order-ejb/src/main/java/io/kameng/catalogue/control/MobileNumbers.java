package io.kameng.catalogue.control;

import io.kameng.catalogue.entity.Carrier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers: 11 digits starting {@code 1[3-9]}, and which carrier a number
 * belongs to by its prefix (number portability aside, which carriers' top-up APIs handle).
 */
public final class MobileNumbers {

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  /** Carrier by three-digit prefix. */
  private static final Map<String, Carrier> BY_PREFIX = new HashMap<>();

  static {
    allocate(
        Carrier.CHINA_MOBILE,
        "134 135 136 137 138 139 147 148 150 151 152 157 158 159 165 172 178 182 183 184 187 188"
            + " 195 197 198");
    allocate(Carrier.CHINA_UNICOM, "130 131 132 145 146 155 156 166 167 171 175 176 185 186 196");
    allocate(Carrier.CHINA_TELECOM, "133 149 153 162 173 174 177 180 181 189 190 191 193 199");
    allocate(Carrier.CHINA_BROADNET, "192");
  }

  /** The 170 virtual-operator block is split by the fourth digit. */
  private static final Map<Character, Carrier> BLOCK_170 =
      Map.of(
          '0', Carrier.CHINA_TELECOM,
          '1', Carrier.CHINA_TELECOM,
          '2', Carrier.CHINA_TELECOM,
          '3', Carrier.CHINA_MOBILE,
          '5', Carrier.CHINA_MOBILE,
          '6', Carrier.CHINA_MOBILE,
          '4', Carrier.CHINA_UNICOM,
          '7', Carrier.CHINA_UNICOM,
          '8', Carrier.CHINA_UNICOM,
          '9', Carrier.CHINA_UNICOM);

  private MobileNumbers() {}

  /**
   * The number as digits only: spaces and hyphens removed, a leading {@code +86} or {@code 86}
   * country code dropped. Not checked; see {@link #isMobile}.
   */
  public static String normalize(String input) {
    String digits = input.strip().replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    return digits;
  }

  /** The shape of a normalised mobile number as a regular expression (carrier not checked). */
  static String shape() {
    return MOBILE.pattern();
  }

  /** Whether a normalised number is a mainland mobile number of a known carrier. */
  public static boolean isMobile(String number) {
    return MOBILE.matcher(number).matches() && carrierOf(number).isPresent();
  }

  /** The carrier of a normalised number, if its prefix is allocated. */
  public static Optional<Carrier> carrierOf(String number) {
    if (!MOBILE.matcher(number).matches()) {
      return Optional.empty();
    }
    if (number.startsWith("170")) {
      return Optional.ofNullable(BLOCK_170.get(number.charAt(3)));
    }
    return Optional.ofNullable(BY_PREFIX.get(number.substring(0, 3)));
  }

  private static void allocate(Carrier carrier, String prefixes) {
    for (String prefix : prefixes.split(" ")) {
      BY_PREFIX.put(prefix, carrier);
    }
  }
}
