import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** The system clock for the whole application; tests override the `Clock` provider. */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
