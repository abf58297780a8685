/** The sipapp as its own process (distributed mode): the telephone edge. */
import 'reflect-metadata';
import { runServiceMain } from '@hotline/infra/platform';
import { sipappService } from './sipapp.module';

runServiceMain(sipappService);
