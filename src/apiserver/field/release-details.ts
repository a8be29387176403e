// Details whose opening words changed between releases. The checks write the
// newest words, whatever the target release; errorBody prints the words of the
// target release, as it does for limits.
import { atLeast } from "../../util/release.js";

/**
 * The subject of IsQualifiedName's error for a key with two or more '/': "a
 * qualified name ..." in util/validation until 1.34, "a valid label key ..." in
 * api/validate/content's IsLabelKey since 1.35.
 */
export const LABEL_KEY_SUBJECT = "a valid label key ";
const QUALIFIED_NAME_SUBJECT = "a qualified name ";
const LABEL_KEY_SUBJECT_SINCE = "1.35";

/**
 * The length limits of label keys (prefix and name part) and values: counted in
 * "characters" by util/validation.MaxLenError until 1.34, in "bytes" by
 * api/validate/content.MaxLenError since 1.35. Object names keep "characters".
 */
const LABEL_LENGTH_IN_BYTES = /^(?:(?:name|prefix) part )?must be no more than (?:63|253) bytes$/;
const LABEL_LENGTH_IN_BYTES_SINCE = "1.35";

/** `detail` in the words of `kubernetesVersion`. */
export function detailInRelease(detail: string, kubernetesVersion: string): string {
  if (detail.startsWith(LABEL_KEY_SUBJECT) && !atLeast(kubernetesVersion, LABEL_KEY_SUBJECT_SINCE)) {
    return QUALIFIED_NAME_SUBJECT + detail.slice(LABEL_KEY_SUBJECT.length);
  }
  if (LABEL_LENGTH_IN_BYTES.test(detail) && !atLeast(kubernetesVersion, LABEL_LENGTH_IN_BYTES_SINCE)) {
    return detail.slice(0, -"bytes".length) + "characters";
  }
  return detail;
}
