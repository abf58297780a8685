import { NotFoundException, BadRequestException, InternalServerErrorException } from '@nestjs/common';
import { HotlineError, NotFoundError, RuleViolation, ValidationError } from '@hotline/contracts';
import { httpErrorResponse } from './http-error-response';

describe('httpErrorResponse', () => {
  it.each([
    [new ValidationError('data.phone', 'must be 11 digits'), 400],
    [new NotFoundError('case', 'c-1'), 404],
    [new HotlineError('conflict', 'WRONG_EXPECTED_VERSION', 'stream moved'), 409],
    [new RuleViolation('CASE_CLOSED', 'the case is closed'), 422],
    [new HotlineError('unavailable', 'BUS_UNAVAILABLE', 'no bus'), 503],
  ])('maps %p to status %i with its body', (error, status) => {
    const response = httpErrorResponse(error);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: error.toBody() });
    expect(response.unexpected).toBe(false);
  });

  it("tells when to retry on every 503: the error's own delay, or 2 s", () => {
    const down = new HotlineError('unavailable', 'BUS_DOWN', 'the bus is down', undefined, {
      retryAfterSeconds: 4.2,
    });
    expect(httpErrorResponse(down).retryAfterSeconds).toBe(5);
    expect(
      httpErrorResponse(new HotlineError('unavailable', 'NO_RESPONDERS', 'none')).retryAfterSeconds,
    ).toBe(2);
    expect(httpErrorResponse(new NotFoundError('case', 'c-1')).retryAfterSeconds).toBeUndefined();
  });

  it('names the field of a validation error in the body', () => {
    expect(
      httpErrorResponse(new ValidationError('data.phone', 'must be 11 digits')).body.error,
    ).toMatchObject({
      kind: 'validation',
      field: 'data.phone',
      message: 'data.phone: must be 11 digits',
    });
  });

  it('keeps the 4xx status of errors the body parser exposes (too large, bad charset)', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true });
    expect(httpErrorResponse(tooLarge)).toEqual({
      status: 413,
      body: { error: { kind: 'validation', code: 'HTTP_413', message: 'request entity too large' } },
      unexpected: false,
    });
    const hidden = Object.assign(new Error('disk full'), { status: 500, expose: false });
    expect(httpErrorResponse(hidden).status).toBe(500);
  });

  it('keeps the status of the framework exceptions', () => {
    expect(httpErrorResponse(new NotFoundException('Cannot GET /nope'))).toMatchObject({
      status: 404,
      body: { error: { kind: 'not-found', code: 'HTTP_404', message: 'Cannot GET /nope' } },
      unexpected: false,
    });
    expect(httpErrorResponse(new BadRequestException('Unexpected token'))).toMatchObject({
      status: 400,
      body: { error: { kind: 'validation' } },
    });
    expect(httpErrorResponse(new InternalServerErrorException('db password wrong'))).toMatchObject({
      status: 500,
      body: { error: { kind: 'internal', message: 'internal error' } },
      unexpected: true,
    });
  });

  it('hides everything about an unknown error but the trace id', () => {
    const response = httpErrorResponse(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      'abc123',
    );
    expect(response).toEqual({
      status: 500,
      body: {
        error: {
          kind: 'internal',
          code: 'INTERNAL',
          message: 'internal error',
          details: { traceId: 'abc123' },
        },
      },
      unexpected: true,
    });
  });
});
