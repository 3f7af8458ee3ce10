/** The same nested keys as `T`, every leaf a string: English resources must mirror Vietnamese ones. */
export type DeepStringShape<T> = { [K in keyof T]: T[K] extends string ? string : DeepStringShape<T[K]> };
