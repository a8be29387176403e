// Details whose words changed between releases. The checks write the newest
// words, whatever the target release, and mark the errors that carry them
// (FieldError.wording) where the check is made; errorBody prints a marked
// detail in the words of the target release, as it does for limits. A detail
// without the mark (a CEL rule's message, any text a user wrote) is printed
// as it is.
import type { FieldError } from "./errors.js";
import { atLeast } from "../../util/release.js";

/** The families of words that changed: `labelContent`, the label key and value checks of api/validate/content. */
export type DetailWording = "labelContent";

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

/** One message of IsLabelKey or IsLabelValue in the words of `kubernetesVersion`. */
export function labelContentMessage(message: string, kubernetesVersion: string): string {
  if (message.startsWith(LABEL_KEY_SUBJECT) && !atLeast(kubernetesVersion, LABEL_KEY_SUBJECT_SINCE)) {
    return QUALIFIED_NAME_SUBJECT + message.slice(LABEL_KEY_SUBJECT.length);
  }
  if (LABEL_LENGTH_IN_BYTES.test(message) && !atLeast(kubernetesVersion, LABEL_LENGTH_IN_BYTES_SINCE)) {
    return message.slice(0, -"bytes".length) + "characters";
  }
  return message;
}

/** A marked detail in the words of `kubernetesVersion`: messages joined with ';' (as some checks join them) each reworded. */
export function detailInRelease(detail: string, wording: DetailWording, kubernetesVersion: string): string {
  switch (wording) {
    case "labelContent":
      return detail.includes(";") ? detail.split(";").map((part) => labelContentMessage(part, kubernetesVersion)).join(";") : labelContentMessage(detail, kubernetesVersion);
  }
}

/** `error`, marked as carrying messages of the label key and value checks (its detail is never a user's text). */
export function withLabelContentWords(error: FieldError): FieldError {
  return { ...error, wording: "labelContent" };
}
