/**
 * A query parameter left empty (`?status=`, a form's blank select) means "not given": read before
 * a zod schema with `z.preprocess(emptyToUndefined, schema.optional())` so defaults apply.
 */
export const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
