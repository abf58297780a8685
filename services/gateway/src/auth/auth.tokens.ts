/** Injection tokens of the auth module's services. */
export const AUTH_SERVICES = Symbol('hotline.gateway.auth-services');
