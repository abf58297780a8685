/** Every reason the gateway refuses a caller, in the platform's one code style (`<MODULE>_<REASON>`). */
export enum AuthError {
  Unauthenticated = 'AUTH_UNAUTHENTICATED',
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  Locked = 'AUTH_LOCKED',
  Csrf = 'AUTH_CSRF',
  PasswordChangeRequired = 'AUTH_PASSWORD_CHANGE_REQUIRED',
  PasswordPolicy = 'AUTH_PASSWORD_POLICY',
  Forbidden = 'AUTH_FORBIDDEN',
  OutOfScope = 'AUTH_OUT_OF_SCOPE',
  RouteUndeclared = 'AUTH_ROUTE_UNDECLARED',
}
