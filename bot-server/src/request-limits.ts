/** Largest request body accepted: a birth certificate is ~1 KB; 256 KB leaves room and stops abuse. */
export const MAX_BODY_BYTES = 256 * 1024;
