/**
 * The zmp-sdk functions the app uses, and only those: loaded as one small chunk by zalo.ts (a
 * dynamic import of the whole `zmp-sdk/apis` namespace would keep every API, ~60 KB gzipped).
 */
export { getAccessToken, getPhoneNumber, getRouteParams, nativeStorage, openPhone } from "zmp-sdk/apis";
