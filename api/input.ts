/**
 * Checks on arguments that GraphQL types cannot express. Each failure is a
 * UserInputError (BAD_USER_INPUT) whose message names the argument and the
 * accepted values.
 */
import { UserInputError } from '../core/errors.ts';

/** Years a municipal document of the People's Republic can carry (the audit's flags accept the same). */
export const FIRST_YEAR = 1949;
export const LAST_YEAR = 2100;
/** Long enough for any name or phrase; longer input is a mistake or abuse. */
export const MAX_TEXT_LENGTH = 200;

export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserInputError(`${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

export function checkYear(name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return checkRange(name, value, FIRST_YEAR, LAST_YEAR);
}

export function checkYears(name: string, values: readonly number[] | null | undefined): number[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0) throw new UserInputError(`${name} must list at least one year (or be left out)`);
  values.forEach((value, index) => checkYear(`${name}[${index}]`, value));
  return [...values];
}

/** Non-empty after trimming and at most MAX_TEXT_LENGTH characters; returns the trimmed text. */
export function checkText(name: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new UserInputError(`${name} must not be empty`);
  if (trimmed.length > MAX_TEXT_LENGTH) {
    throw new UserInputError(`${name} must be at most ${MAX_TEXT_LENGTH} characters, got ${trimmed.length}`);
  }
  return trimmed;
}

export function checkOptionalText(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return checkText(name, value);
}

/** `yearFrom` must not come after `yearTo`. */
export function checkYearSpan(yearFrom: number | null, yearTo: number | null): void {
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) {
    throw new UserInputError(`yearFrom (${yearFrom}) must not be after yearTo (${yearTo})`);
  }
}
