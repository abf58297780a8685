/** The survey service as its own process (distributed mode). */
import 'reflect-metadata';
import { runServiceMain } from '@hotline/infra/platform';
import { surveyService } from './survey.module';

runServiceMain(surveyService);
