/**
 * Small strict readers for untrusted JSON/YAML values: each records a problem
 * (with where it is) instead of throwing, so a whole file can be checked and the
 * first problems reported together.
 */
export class ShapeReader {
  readonly problems: string[] = [];

  object(value: unknown, where: string, fields: { required: string[]; optional?: string[] }): Record<string, unknown> | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.push(`${where}: expected an object`);
      return null;
    }
    const record = value as Record<string, unknown>;
    const known = new Set([...fields.required, ...(fields.optional ?? [])]);
    for (const key of Object.keys(record)) {
      if (!known.has(key)) this.problems.push(`${where}: unknown field "${key}"`);
    }
    for (const key of fields.required) {
      if (!(key in record)) this.problems.push(`${where}: missing field "${key}"`);
    }
    return record;
  }

  array(value: unknown, where: string): unknown[] {
    if (!Array.isArray(value)) {
      this.problems.push(`${where}: expected a list`);
      return [];
    }
    return value;
  }

  string(value: unknown, where: string): string {
    if (typeof value !== 'string') {
      this.problems.push(`${where}: expected text, got ${describe(value)}`);
      return '';
    }
    return value;
  }

  /** Text that may be absent (undefined, null or empty all read as ""; the content check decides if that is allowed). */
  optionalString(value: unknown, where: string): string {
    return value === undefined || value === null ? '' : this.string(value, where);
  }

  /** A date string; YAML authors may write a bare year as a number. */
  date(value: unknown, where: string): string {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) return String(value);
    return this.string(value, where);
  }

  strings(value: unknown, where: string): string[] {
    return this.array(value, where).map((v, i) => this.string(v, `${where}[${i}]`));
  }

  boolean(value: unknown, where: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.problems.push(`${where}: expected true or false, got ${describe(value)}`);
      return fallback;
    }
    return value;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
