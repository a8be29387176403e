// The format checks behave like the Go code the API server decodes with.
import { describe, expect, test } from "vitest";
import { isRfc3339DateTime } from "../../src/schema/formats.js";
import { base64ErrorOffset } from "../../src/schema/go-base64.js";
import { quantityError } from "../../src/schema/quantity-syntax.js";
import { QUANTITY_FORMAT_MESSAGE } from "../../src/util/quantity.js";

describe("base64 as encoding/base64.StdEncoding decodes it", () => {
  const valid = ["", "YQ==", "YWI=", "YWJj", "YWJj\nZGVm", "YWJjZGVm\r\n", "YW\nJj", "YQ=\n="];
  test.each(valid)("%j decodes", (value) => {
    expect(base64ErrorOffset(value)).toBeUndefined();
  });

  // Offsets as Go reports them in "illegal base64 data at input byte N".
  const invalid: Array<[string, number]> = [
    ["hunter2!", 7], // "!" is not in the alphabet
    ["abc def", 3], // a space
    ["YWJ", 0], // a partial quantum without padding: Go points at its start
    ["YWJjZ", 4],
    ["Y===", 1], // padding after one character
    ["YQ=", 3], // "==" expected, input ends
    ["YQ=a", 2], // second "=" missing
    ["YQ==YQ==", 4], // trailing data after padding
    ["héllo", 1], // non-ASCII: offsets count bytes
  ];
  test.each(invalid)("%j fails at byte %i", (value, offset) => {
    expect(base64ErrorOffset(value)).toBe(offset);
  });
});

describe("quantities as resource.ParseQuantity parses them", () => {
  const valid = ["1", "0", "500m", "1.5", ".5", "1.", "2Gi", "1e3", "1E3", "1e-3", "1E", "128974848", "129e6", "-1", "+1", "1n", "1u", "10k", " 1Gi "];
  test.each(valid)("%j parses", (value) => {
    expect(quantityError(value)).toBeUndefined();
  });

  const invalid: Array<[string, string]> = [
    ["", QUANTITY_FORMAT_MESSAGE],
    ["256MB", QUANTITY_FORMAT_MESSAGE],
    ["2 Gi", QUANTITY_FORMAT_MESSAGE],
    ["1.5.0", QUANTITY_FORMAT_MESSAGE],
    ["abc", QUANTITY_FORMAT_MESSAGE],
    ["1GiB", QUANTITY_FORMAT_MESSAGE],
    ["1K", "unable to parse quantity's suffix"],
    ["1mi", "unable to parse quantity's suffix"],
    ["1e", "unable to parse quantity's suffix"],
    ["1e99999999999", "unable to parse quantity's suffix"],
  ];
  test.each(invalid)("%j: %s", (value, message) => {
    expect(quantityError(value)).toBe(message);
  });
});

describe("RFC 3339 date-times as metav1.Time decodes them", () => {
  // Go's time.Parse also takes a one-digit hour and a comma before the fraction.
  const valid = ["2024-01-31T12:00:00Z", "2024-02-29T23:59:59.123456+02:00", "1999-12-31T00:00:00-05:30", "2024-01-31T1:00:00Z", "2024-01-31T12:00:00,5Z"];
  test.each(valid)("%j is a time", (value) => {
    expect(isRfc3339DateTime(value)).toBe(true);
  });
  const invalid = ["2024-01-31", "2024-01-31 12:00:00Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-31T24:00:00Z", "2024-01-31t12:00:00z", "2024-01-31T12:00:00"];
  test.each(invalid)("%j is not", (value) => {
    expect(isRfc3339DateTime(value)).toBe(false);
  });
});
