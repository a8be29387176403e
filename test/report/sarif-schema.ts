// The rules of SARIF 2.1.0 as published by OASIS with errata 01 (its JSON
// schema's id: https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
// restated as a JSON schema (draft-07) for the objects kubeplan writes: each
// object closed (the published schema allows no other property), with the
// published names, types, enums, minimums, required properties and unique
// arrays. The published file itself is not copied here (its licence does not
// allow it): set SARIF_SCHEMA to a downloaded copy to check against it too
// (sarif.test.ts). Errata 01 matters here: a suppression's review state is
// `status`; drafts of 2019 called it `state`, which upload-sarif rejects.

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const string: Schema = { type: "string" };
const uri: Schema = { type: "string", format: "uri" };
const integerFrom = (minimum: number): Schema => ({ type: "integer", minimum });
const arrayOf = (items: Schema, options: { minItems?: number; unique?: boolean } = {}): Schema => ({
  type: "array",
  items,
  minItems: options.minItems ?? 0,
  ...(options.unique ? { uniqueItems: true } : {}),
});
const LEVEL: Schema = { type: "string", enum: ["none", "note", "warning", "error"] };

function object(properties: Schema, required: string[] = [], extra: Schema = {}): Schema {
  return { type: "object", additionalProperties: false, properties: { ...properties, properties: ref("propertyBag") }, required, ...extra };
}

export const SARIF_2_1_0_ERRATA_01: Schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  ...object(
    {
      $schema: uri,
      version: { type: "string", enum: ["2.1.0"] },
      runs: { type: ["array", "null"], items: ref("run"), minItems: 0 },
    },
    ["version", "runs"],
  ),
  definitions: {
    propertyBag: { type: "object", additionalProperties: true, properties: { tags: arrayOf(string, { unique: true }) } },
    run: object(
      {
        tool: ref("tool"),
        invocations: arrayOf(ref("invocation")),
        results: arrayOf(ref("result")),
        columnKind: { type: "string", enum: ["utf16CodeUnits", "unicodeCodePoints"] },
      },
      ["tool"],
    ),
    tool: object({ driver: ref("toolComponent") }, ["driver"]),
    toolComponent: object(
      { name: string, version: string, informationUri: uri, rules: arrayOf(ref("reportingDescriptor"), { unique: true }) },
      ["name"],
    ),
    reportingDescriptor: object(
      {
        id: string,
        shortDescription: ref("multiformatMessageString"),
        fullDescription: ref("multiformatMessageString"),
        help: ref("multiformatMessageString"),
        helpUri: uri,
        defaultConfiguration: ref("reportingConfiguration"),
      },
      ["id"],
    ),
    multiformatMessageString: object({ text: string, markdown: string }, ["text"]),
    reportingConfiguration: object({ enabled: { type: "boolean" }, level: LEVEL, rank: { type: "number", minimum: -1, maximum: 100 } }),
    message: object({ text: string, markdown: string, id: string, arguments: arrayOf(string) }, [], {
      anyOf: [{ required: ["text"] }, { required: ["id"] }],
    }),
    invocation: object(
      { executionSuccessful: { type: "boolean" }, toolExecutionNotifications: arrayOf(ref("notification")) },
      ["executionSuccessful"],
    ),
    notification: object({ message: ref("message"), level: LEVEL }, ["message"]),
    result: object(
      {
        ruleId: string,
        ruleIndex: integerFrom(-1),
        level: LEVEL,
        message: ref("message"),
        locations: arrayOf(ref("location")),
        partialFingerprints: { type: "object", additionalProperties: string },
        suppressions: arrayOf(ref("suppression"), { unique: true }),
        fixes: arrayOf(ref("fix"), { unique: true }),
      },
      ["message"],
    ),
    location: object({ physicalLocation: ref("physicalLocation"), logicalLocations: arrayOf(ref("logicalLocation"), { unique: true }) }),
    physicalLocation: object({ artifactLocation: ref("artifactLocation"), region: ref("region") }, [], {
      anyOf: [{ required: ["address"] }, { required: ["artifactLocation"] }],
    }),
    artifactLocation: object({ uri: { type: "string", format: "uri-reference" }, uriBaseId: string, index: integerFrom(-1), description: ref("message") }),
    region: object(
      {
        startLine: integerFrom(1),
        startColumn: integerFrom(1),
        endLine: integerFrom(1),
        endColumn: integerFrom(1),
        charOffset: integerFrom(-1),
        charLength: integerFrom(0),
        byteOffset: integerFrom(-1),
        byteLength: integerFrom(0),
      },
      [],
      { anyOf: [{ required: ["startLine"] }, { required: ["charOffset"] }, { required: ["byteOffset"] }] },
    ),
    logicalLocation: object({ name: string, index: integerFrom(-1), fullyQualifiedName: string, decoratedName: string, parentIndex: integerFrom(-1), kind: string }),
    suppression: object(
      {
        guid: string,
        kind: { type: "string", enum: ["inSource", "external"] },
        status: { type: "string", enum: ["accepted", "underReview", "rejected"] },
        justification: string,
        location: ref("location"),
      },
      ["kind"],
    ),
    fix: object({ description: ref("message"), artifactChanges: arrayOf(ref("artifactChange"), { minItems: 1, unique: true }) }, ["artifactChanges"]),
    artifactChange: object({ artifactLocation: ref("artifactLocation"), replacements: arrayOf(ref("replacement"), { minItems: 1 }) }, [
      "artifactLocation",
      "replacements",
    ]),
    replacement: object({ deletedRegion: ref("region"), insertedContent: ref("artifactContent") }, ["deletedRegion"]),
    artifactContent: object({ text: string, binary: string }),
  },
};

/**
 * What GitHub code scanning documents for uploads, beyond the schema: limits
 * per file and per run, and what it uses to show and track alerts.
 */
export const GITHUB_CODE_SCANNING = {
  maxRuns: 20,
  maxResultsPerRun: 25_000,
  maxRulesPerRun: 25_000,
  maxLocationsPerResult: 1_000,
  maxTagsPerRule: 20,
  /** Characters of a rule's fullDescription GitHub shows. */
  maxFullDescription: 1_024,
};
